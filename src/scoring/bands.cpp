// Which band a figure falls in: decided here once, carried on the results, read by every renderer and by `ask`.

#include "partnerpulse/scoring.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

BandRef band_of(const std::vector<Band>& bands, double index) {
  const Band& band = band_for(bands, rounded_as_printed(index, 1));
  return BandRef{band.id, band.label, &band == &bands.back(), &band == &bands.front()};
}

}  // namespace partnerpulse
