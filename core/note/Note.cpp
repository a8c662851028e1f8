#include "note/Note.h"

// Stub: to be implemented.
