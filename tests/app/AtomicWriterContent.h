#pragma once
// The content atomic_writer saves, and the check that a file holds one such content whole.

#include <QByteArray>
#include <QList>

#include <optional>

namespace scholia::test {

// "scholia-atomic <n> <bytes>\n", then `bytes` letters that depend on n, then "\nend <n>\n".
inline QByteArray atomicWriterContent(qint64 n, qsizetype bytes)
{
    QByteArray out = "scholia-atomic " + QByteArray::number(n) + ' ' + QByteArray::number(bytes) + '\n';
    const qsizetype header = out.size();
    out.resize(header + bytes);
    for (qsizetype i = 0; i < bytes; ++i)
        out[header + i] = static_cast<char>('a' + (n + i) % 26);
    out += "\nend " + QByteArray::number(n) + '\n';
    return out;
}

// The generation n when `content` is exactly atomicWriterContent(n, bytes) for some n and
// bytes; nothing when it is partial, mixed or anything else.
inline std::optional<qint64> atomicWriterGeneration(const QByteArray& content)
{
    const qsizetype newline = content.indexOf('\n');
    if (!content.startsWith("scholia-atomic ") || newline < 0)
        return std::nullopt;
    const QList<QByteArray> fields = content.left(newline).split(' ');
    bool okN = false;
    bool okBytes = false;
    const qint64 n = fields.size() == 3 ? fields.at(1).toLongLong(&okN) : 0;
    const qsizetype bytes = fields.size() == 3 ? fields.at(2).toLongLong(&okBytes) : 0;
    if (!okN || !okBytes || n <= 0 || bytes < 0 || bytes > (qsizetype(1) << 30))
        return std::nullopt;
    if (content != atomicWriterContent(n, bytes))
        return std::nullopt;
    return n;
}

}  // namespace scholia::test
