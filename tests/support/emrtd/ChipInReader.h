#pragma once

#include "core/documents/reader/PcscReader.h"
#include "tests/support/PcscRig.h"
#include "tests/support/emrtd/SimulatedPassport.h"

namespace fg::test {

// Puts `chip` into the rig's reader and waits until pcscd sees it.
// After SCardDisconnect reset a card that had gone, pcscd 1.9.9 marks the
// reader "present, swallowed" and misses the next card vpcd accepts; that
// card, pulled out and put back, is seen. So: a second try.
inline bool insertChip(SimulatedPassport& chip, const PcscRig& rig, const PcscContext& context, QString* error)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!chip.insert(rig.cardPort())) {
            *error = QStringLiteral("the chip could not reach vpcd");
            return false;
        }
        if (context.waitForCard(PcscRig::reader(), 3000, error) == std::optional<bool>(true))
            return true;
        chip.remove();
        if (context.waitForNoCard(PcscRig::reader(), 5000, error) != std::optional<bool>(true))
            break;
    }
    *error = QStringLiteral("pcscd does not see the chip in %1: %2").arg(PcscRig::reader(), *error);
    return false;
}

} // namespace fg::test
