#include "core/security/SystemAccount.h"

#include <pwd.h>
#include <unistd.h>

#include <vector>

namespace fg {

QString systemAccountName()
{
    const uid_t uid = ::geteuid();
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size > 0 ? std::size_t(size) : 16384);
    passwd entry{};
    passwd* found = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name
        && found->pw_name[0] != '\0')
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid%1").arg(uid);
}

} // namespace fg
