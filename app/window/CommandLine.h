#pragma once
// `scholia [NOTE.md | FOLDER] [--video FILE]`, read with QCommandLineParser.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace scholia::gui {

class CommandLine {
public:
    CommandLine();

    // False on a usage error (errorText() says what). --help and --version are only
    // recorded; the caller prints and exits.
    bool parse(const QStringList& arguments);

    bool helpRequested() const;
    bool versionRequested() const;
    QString helpText() const;
    QString errorText() const { return m_error; }

    // The note or folder to open, absolute; empty = reopen the last note.
    QString target() const { return m_target; }
    // --video, absolute; empty when not given.
    QString video() const { return m_video; }

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_videoOption;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    QString m_error;
    QString m_target;
    QString m_video;
};

}  // namespace scholia::gui
