#pragma once

#include "core/documents/emrtd/ChipVerdict.h"

namespace fg {

// The CloneCheck of a chip that offers neither chip authentication (no
// public key in DG14) nor active authentication (no DG15): said plainly.
CloneCheck cloneCheckNotOffered();

} // namespace fg
