#include "media/VideoLocator.h"

// Stub: to be implemented.
