#pragma once

#include "core/documents/emrtd/BacKeys.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The chip's (ICC's) side of Basic Access Control (ICAO Doc 9303 part 11,
// 4.3.3 and appendix D.3), for the simulated chip of the tests:
//  1. challenge(): a fresh RND.IC (random, or given) for GET CHALLENGE;
//  2. authenticate(EXTERNAL AUTHENTICATE's data): M_IFD checked, S decrypted,
//     RND.IC checked; K.IC drawn (or given); the answer E_IC || M_IC over
//     R = RND.IC || RND.IFD || K.IC, and the session keys.
// Refused: authenticate() without a challenge, or a second time for the same
// challenge (a replay), data that is not 40 bytes, a MAC that does not match
// (the terminal used another MRZ: the chip answers 6300), S not holding
// RND.IC.
class BacChip {
public:
    explicit BacChip(BacKeys keys);

    std::optional<QByteArray> challenge(QString* error);
    void setChallenge(QByteArrayView rndIc);

    struct Answer {
        QByteArray responseData; // E_IC || M_IC
        SessionKeys keys;
    };
    std::optional<Answer> authenticate(QByteArrayView commandData, QString* error);
    std::optional<Answer> authenticate(QByteArrayView commandData, QByteArrayView kIc, QString* error);

private:
    BacKeys m_keys;
    QByteArray m_rndIc;
};

} // namespace fg
