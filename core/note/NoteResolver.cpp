#include "note/NoteResolver.h"

// Stub: to be implemented.
