#include "vault/NoteLinkResolver.h"

// Stub: to be implemented.
