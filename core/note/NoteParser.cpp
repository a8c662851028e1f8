#include "note/NoteParser.h"

// Stub: to be implemented.
