#include "timestamp/TimestampResolver.h"

// Stub: to be implemented.
