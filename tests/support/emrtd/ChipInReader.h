#pragma once

#include "core/documents/reader/PcscReader.h"
#include "tests/support/PcscRig.h"
#include "tests/support/emrtd/SimulatedPassport.h"

#include <memory>
#include <optional>

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

// The tests' reader: their own pcscd with vpcd (PcscRig) and a PC/SC
// context on it, started once a test case (pcsc-lite's client library keeps
// the first daemon socket it used: one rig a process).
class ChipReaderRig {
public:
    bool start(QString* error)
    {
        if (!m_rig.start(error))
            return false;
        m_context = PcscContext::establish(error);
        return m_context != nullptr;
    }
    void stop()
    {
        m_context.reset();
        m_rig.stop();
    }
    // Puts `chip` into the reader (insertChip).
    bool insert(SimulatedPassport& chip, QString* error) { return insertChip(chip, m_rig, *m_context, error); }
    // Waits until the reader is empty (the last chip, or its ghost, gone).
    std::optional<bool> waitForNoCard(QString* error, int timeoutMs = 5000) const
    {
        return m_context->waitForNoCard(PcscRig::reader(), timeoutMs, error);
    }
    const PcscContext& context() const { return *m_context; }

private:
    PcscRig m_rig;
    std::unique_ptr<PcscContext> m_context;
};

} // namespace fg::test
