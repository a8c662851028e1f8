#include "vault/VaultIndexBuild.h"

#include <utility>

namespace scholia {

VaultIndexBuild::VaultIndexBuild(std::filesystem::path root, VaultIndexOptions options,
                                 std::function<void()> onFinished)
    : m_thread([this, root = std::move(root), options, onFinished = std::move(onFinished)]() noexcept {
          try {
              m_index = VaultIndex::build(root, options, &m_progress);
          } catch (...) {  // build() reports its own problems; this is out of memory while doing so
              m_index = VaultIndex();
          }
          m_finished.store(true);
          try {
              if (onFinished)
                  onFinished();
          } catch (...) {  // nothing may escape a thread; the caller polls finished() anyway
          }
      })
{
}

VaultIndexBuild::~VaultIndexBuild()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

VaultIndex VaultIndexBuild::take()
{
    if (m_thread.joinable())
        m_thread.join();
    return std::exchange(m_index, VaultIndex());
}

}  // namespace scholia
