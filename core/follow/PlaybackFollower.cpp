#include "follow/PlaybackFollower.h"
