// The `stillpoint` command.
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"

int main(int argc, char** argv) {
    try {
        return stillpoint::cli::runCommandLine({argv + 1, argv + argc}, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "stillpoint: internal error: " << e.what() << '\n';
        return stillpoint::cli::kExitInternal;
    }
}
