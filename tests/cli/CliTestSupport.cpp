#include "CliTestSupport.h"

#include "Cli.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace scholia::cli::test {

namespace {

std::string shellQuoted(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

CliRun runInProcess(const std::vector<std::string>& args)
{
    std::ostringstream out;
    std::ostringstream err;
    const int status = runCli(args, out, err);
    return {status, out.str(), err.str()};
}

CliRun runBinary(const std::vector<std::string>& args)
{
    // ctest runs test cases as parallel processes: each needs its own capture files.
    static int runs = 0;
    const std::string stem
        = ::testing::TempDir() + "scholia-cli." + std::to_string(::getpid()) + '.' + std::to_string(++runs);
    const std::string outPath = stem + ".out";
    const std::string errPath = stem + ".err";
    std::string command = shellQuoted(SCHOLIA_CLI_EXECUTABLE);
    for (const std::string& arg : args)
        command += ' ' + shellQuoted(arg);
    command += " </dev/null >" + shellQuoted(outPath) + " 2>" + shellQuoted(errPath);
    const int raw = std::system(command.c_str());
    const int status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    CliRun run{status, slurp(outPath), slurp(errPath)};
    std::remove(outPath.c_str());
    std::remove(errPath.c_str());
    return run;
}

std::string sampleNote()
{
    return SCHOLIA_SAMPLE_NOTE;
}

std::string fixture(const std::string& relativePath)
{
    return std::string(SCHOLIA_TEST_DATA_DIR) + "/cli/" + relativePath;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> result;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty())
            result.push_back(line);
    }
    return result;
}

}  // namespace scholia::cli::test
