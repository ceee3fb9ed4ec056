#include "partnerpulse/version.hpp"

#ifndef PARTNERPULSE_VERSION
#define PARTNERPULSE_VERSION "0.0.0"
#endif

namespace partnerpulse {

const char* version() noexcept { return PARTNERPULSE_VERSION; }

}  // namespace partnerpulse
