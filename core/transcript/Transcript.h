#pragma once
// Stub: to be designed.
