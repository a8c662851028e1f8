#include "timestamp/Timestamp.h"

// Stub: to be implemented.
