#include "Cli.h"

#include "CheckCommand.h"
#include "ClaimsCommand.h"
#include "CommandLine.h"
#include "ExportCommand.h"
#include "HtmlCommand.h"

namespace scholia::cli {

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const ParsedCommandLine parsed = parseCommandLine(args);
    if (!parsed.options) {
        err << "scholia-cli: " << parsed.error << "\n\n" << usageText();
        return kExitUsage;
    }
    const Options& options = *parsed.options;
    switch (options.command) {
    case Command::Help: out << usageText(); return kExitOk;
    case Command::Version: out << versionText(); return kExitOk;
    case Command::Claims: return runClaims(options, out, err);
    case Command::Check: return runCheck(options, out, err);
    case Command::Html: return runHtml(options, out, err);
    case Command::Export: return runExport(options, out, err);
    }
    return kExitUsage;
}

}  // namespace scholia::cli
