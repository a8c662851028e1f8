#pragma once
// Builds a VaultIndex on a background thread, for a caller that must stay responsive (the GUI):
// it polls progress(), may cancel(), and takes the index once finished().

#include "vault/VaultIndex.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>

namespace scholia {

class VaultIndexBuild {
public:
    // Starts at once. `onFinished` (optional) runs on the background thread when the index is
    // ready or cancelled: a GUI posts it to its own thread from there.
    explicit VaultIndexBuild(std::filesystem::path root, VaultIndexOptions options = {},
                             std::function<void()> onFinished = {});
    ~VaultIndexBuild();  // cancels and waits: never leaves a thread behind
    VaultIndexBuild(const VaultIndexBuild&) = delete;
    VaultIndexBuild& operator=(const VaultIndexBuild&) = delete;

    const IndexProgress& progress() const { return m_progress; }
    void cancel() { m_progress.cancelRequested.store(true); }
    bool finished() const { return m_finished.load(); }

    // Waits until finished, then hands the index over (a second call gets an empty one).
    VaultIndex take();

private:
    IndexProgress m_progress;
    std::atomic<bool> m_finished{false};
    VaultIndex m_index;
    std::thread m_thread;  // last: starts once everything it uses exists
};

}  // namespace scholia
