#include "partnerpulse/cli.hpp"

int main(int argc, char** argv) { return partnerpulse::run_main(argc, argv); }
