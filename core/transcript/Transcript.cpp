#include "transcript/Transcript.h"
