#include "render/HtmlRenderer.h"

// Stub: to be implemented.
