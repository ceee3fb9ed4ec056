#pragma once

namespace partnerpulse {

// The release version, e.g. "0.3.0".
const char* version() noexcept;

}  // namespace partnerpulse
