#include "vault/VaultIndexBuild.h"

#include <utility>

namespace scholia {

VaultIndexBuild::VaultIndexBuild(std::filesystem::path root, VaultIndexOptions options,
                                 std::function<void()> onFinished)
    : m_thread([this, root = std::move(root), options, onFinished = std::move(onFinished)] {
          m_index = VaultIndex::build(root, options, &m_progress);  // never throws
          m_finished.store(true);
          if (onFinished) {
              try {
                  onFinished();
              } catch (...) {  // nothing may escape a thread; the caller polls finished() anyway
              }
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
    return std::move(m_index);
}

}  // namespace scholia
