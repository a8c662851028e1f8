#include "note/FrontMatter.h"

// Stub: to be implemented.
