// scholia-cli: Scholia's note tools for the terminal. All of it lives in ScholiaCli (Cli.h).

#include "Cli.h"

#include <iostream>

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int status = scholia::cli::runCli(args, std::cout, std::cerr);
    std::cout.flush();
    // A closed pipe (scholia-cli html NOTE | head) or a full disk is a failure too.
    return !std::cout && status == 0 ? 1 : status;
}
