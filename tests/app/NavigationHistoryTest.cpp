// NavigationHistory: back and forward between notes with their scroll positions.

#include "vault/NavigationHistory.h"

#include <QTest>

#include <memory>

using namespace scholia::gui;

class NavigationHistoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backAndForwardRestoreWhereEachNoteWasLeft()
    {
        NavigationHistory history;
        QVERIFY(!history.canGoBack());
        QVERIFY(!history.back({QStringLiteral("c.md"), 0}));

        history.leave({QStringLiteral("a.md"), 120});  // a.md -> b.md
        history.leave({QStringLiteral("b.md"), 40});   // b.md -> c.md
        QVERIFY(history.canGoBack());
        QVERIFY(!history.canGoForward());

        const auto toB = history.back({QStringLiteral("c.md"), 7});
        QVERIFY(toB);
        QCOMPARE(*toB, (HistoryPlace{QStringLiteral("b.md"), 40}));
        const auto toA = history.back({QStringLiteral("b.md"), 45});
        QCOMPARE(*toA, (HistoryPlace{QStringLiteral("a.md"), 120}));
        QVERIFY(!history.canGoBack());

        // Forward comes back through b.md as it was left while going back, then c.md.
        QCOMPARE(*history.forward({QStringLiteral("a.md"), 130}), (HistoryPlace{QStringLiteral("b.md"), 45}));
        QCOMPARE(*history.forward({QStringLiteral("b.md"), 45}), (HistoryPlace{QStringLiteral("c.md"), 7}));
        QVERIFY(!history.forward({QStringLiteral("c.md"), 7}));
        QCOMPARE(*history.back({QStringLiteral("c.md"), 7}), (HistoryPlace{QStringLiteral("b.md"), 45}));
    }

    void goingSomewhereNewForgetsForward()
    {
        NavigationHistory history;
        history.leave({QStringLiteral("a.md"), 0});
        QVERIFY(history.back({QStringLiteral("b.md"), 0}));
        QVERIFY(history.canGoForward());
        history.leave({QStringLiteral("a.md"), 0});  // a.md -> d.md
        QVERIFY(!history.canGoForward());
        QCOMPARE(history.back({QStringLiteral("d.md"), 0})->path, QStringLiteral("a.md"));
    }

    void oldPlacesDropOffAndNoteLessPlacesAreNotKept()
    {
        NavigationHistory history;
        history.leave({QString(), 10});
        QVERIFY(!history.canGoBack());
        for (int i = 0; i < NavigationHistory::maxPlaces + 5; ++i)
            history.leave({QStringLiteral("n%1.md").arg(i), i});
        int steps = 0;
        HistoryPlace here{QStringLiteral("last.md"), 0};
        while (const auto place = history.back(here)) {
            here = *place;
            ++steps;
        }
        QCOMPARE(steps, NavigationHistory::maxPlaces);
        QCOMPARE(here.path, QStringLiteral("n5.md"));  // the five oldest dropped off
    }
};

std::unique_ptr<QObject> makeNavigationHistoryTest()
{
    return std::make_unique<NavigationHistoryTest>();
}

#include "NavigationHistoryTest.moc"
