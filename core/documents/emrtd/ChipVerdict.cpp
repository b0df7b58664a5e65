#include "core/documents/emrtd/ChipVerdict.h"

#include <QJsonArray>

namespace fg {

QString DocumentCheck::resultName(Result result)
{
    switch (result) {
    case Result::Passed:
        return QStringLiteral("passed");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::NotChecked:
        return QStringLiteral("not-checked");
    }
    return {};
}

QJsonObject ChipVerdict::toJson() const
{
    QJsonArray checkList;
    for (const DocumentCheck& check : checks)
        checkList.append(QJsonObject{{QStringLiteral("name"), check.name},
                                     {QStringLiteral("result"), DocumentCheck::resultName(check.result)},
                                     {QStringLiteral("detail"), check.detail}});
    return QJsonObject{{QStringLiteral("outcome"), outcomeName(outcome)},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("issuing_country"), issuingCountry},
                       {QStringLiteral("csca"), csca},
                       {QStringLiteral("document_signer"), documentSigner},
                       {QStringLiteral("failed_check"), failedCheck},
                       {QStringLiteral("checks"), checkList}};
}

} // namespace fg
