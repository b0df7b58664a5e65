#include "core/documents/emrtd/CloneChecks.h"

namespace fg {

CloneCheck cloneCheckNotOffered()
{
    CloneCheck check;
    check.result = CloneCheck::Result::NotOffered;
    check.method = QStringLiteral("none");
    check.detail = QStringLiteral("the chip offers neither chip authentication (DG14) nor active authentication "
                                  "(DG15): nothing proves it is not a copy of another chip");
    return check;
}

} // namespace fg
