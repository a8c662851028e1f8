#include "vault/VaultIndex.h"
