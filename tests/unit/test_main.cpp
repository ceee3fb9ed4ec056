// The Boost.Test module: every other file in tests/unit adds its suites to it.
#define BOOST_TEST_MODULE partnerpulse
#include <boost/test/unit_test.hpp>
