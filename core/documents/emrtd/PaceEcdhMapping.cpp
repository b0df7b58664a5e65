#include "core/documents/emrtd/PaceEcdhMapping.h"

#include "core/security/OpenSslError.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/objects.h>

#include <utility>

namespace fg {
namespace {

struct GroupFree {
    void operator()(EC_GROUP* group) const { EC_GROUP_free(group); }
};
struct PointFree {
    void operator()(EC_POINT* point) const { EC_POINT_clear_free(point); }
};
struct NumberFree {
    void operator()(BIGNUM* number) const { BN_clear_free(number); }
};
struct ContextFree {
    void operator()(BN_CTX* context) const { BN_CTX_free(context); }
};
using Group = std::unique_ptr<EC_GROUP, GroupFree>;
using Point = std::unique_ptr<EC_POINT, PointFree>;
using Number = std::unique_ptr<BIGNUM, NumberFree>;
using Context = std::unique_ptr<BN_CTX, ContextFree>;

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("PACE: ") + why;
    return false;
}

bool failOpenSsl(QString* error, const QString& what)
{
    if (error)
        *error = openSslError(QStringLiteral("PACE: ") + what);
    return false;
}

Number secretNumber()
{
    Number number(BN_secure_new());
    if (number)
        BN_set_flags(number.get(), BN_FLG_CONSTTIME);
    return number;
}

} // namespace

struct PaceEcdhMapping::State {
    Group group;
    Context context;
    Number order;
    Number mappingKey;
    Point mappingPublic;
    Point h;
    Point mappedGenerator;
    Number agreementKey;
    Point agreementPublic;

    QByteArray encode(const EC_POINT* point) const
    {
        if (!point)
            return QByteArray();
        const size_t size =
            EC_POINT_point2oct(group.get(), point, POINT_CONVERSION_UNCOMPRESSED, nullptr, 0, context.get());
        QByteArray bytes(static_cast<qsizetype>(size), '\0');
        if (size == 0
            || EC_POINT_point2oct(group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                  reinterpret_cast<unsigned char*>(bytes.data()), size, context.get())
                != size)
            return QByteArray();
        return bytes;
    }

    int fieldBytes() const { return (EC_GROUP_get_degree(group.get()) + 7) / 8; }

    // The other side's public key: an uncompressed point of the curve, not
    // at infinity.
    Point decode(QByteArrayView bytes, const char* what, QString* error) const
    {
        if (bytes.size() != 1 + 2 * fieldBytes() || bytes.front() != '\x04') {
            fail(error, QStringLiteral("the other side's %1 is %2 bytes, not an uncompressed point of %3 bytes")
                            .arg(QLatin1String(what))
                            .arg(bytes.size())
                            .arg(1 + 2 * fieldBytes()));
            return nullptr;
        }
        Point point(EC_POINT_new(group.get()));
        if (!point
            || !EC_POINT_oct2point(group.get(), point.get(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                   static_cast<size_t>(bytes.size()), context.get())
            || EC_POINT_is_on_curve(group.get(), point.get(), context.get()) != 1) {
            failOpenSsl(error, QStringLiteral("the %1 received is not a point of the curve").arg(QLatin1String(what)));
            return nullptr;
        }
        if (EC_POINT_is_at_infinity(group.get(), point.get())) {
            fail(error, QStringLiteral("the %1 received is the point at infinity").arg(QLatin1String(what)));
            return nullptr;
        }
        return point;
    }

    // A private key: given (1..n-1), or drawn.
    Number privateKey(QByteArrayView given, QString* error) const
    {
        Number key = secretNumber();
        if (!key) {
            failOpenSsl(error, QStringLiteral("no memory for a private key"));
            return nullptr;
        }
        if (!given.isEmpty()) {
            const auto* bytes = reinterpret_cast<const unsigned char*>(given.data());
            if (!BN_bin2bn(bytes, static_cast<int>(given.size()), key.get())) {
                failOpenSsl(error, QStringLiteral("a private key"));
                return nullptr;
            }
            if (BN_is_zero(key.get()) || BN_cmp(key.get(), order.get()) >= 0) {
                fail(error, QStringLiteral("a private key outside 1..n-1"));
                return nullptr;
            }
            return key;
        }
        Number range(BN_dup(order.get()));
        if (!range || !BN_sub_word(range.get(), 1) || !BN_priv_rand_range_ex(key.get(), range.get(), 0, context.get())
            || !BN_add_word(key.get(), 1)) {
            failOpenSsl(error, QStringLiteral("drawing a private key failed"));
            return nullptr;
        }
        return key;
    }

    // scalar * base (base null: the curve's generator).
    Point multiply(const BIGNUM* scalar, const EC_POINT* base, QString* error) const
    {
        Point result(EC_POINT_new(group.get()));
        const bool ok = result
            && (base ? EC_POINT_mul(group.get(), result.get(), nullptr, base, scalar, context.get())
                     : EC_POINT_mul(group.get(), result.get(), scalar, nullptr, nullptr, context.get()));
        if (!ok) {
            failOpenSsl(error, QStringLiteral("a scalar multiplication failed"));
            return nullptr;
        }
        return result;
    }
};

PaceEcdhMapping::PaceEcdhMapping(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

PaceEcdhMapping::~PaceEcdhMapping() = default;
PaceEcdhMapping::PaceEcdhMapping(PaceEcdhMapping&&) noexcept = default;
PaceEcdhMapping& PaceEcdhMapping::operator=(PaceEcdhMapping&&) noexcept = default;

std::optional<PaceEcdhMapping> PaceEcdhMapping::forCurve(int curveNid, QString* error)
{
    auto state = std::make_unique<State>();
    state->group.reset(EC_GROUP_new_by_curve_name(curveNid));
    state->context.reset(BN_CTX_secure_new());
    state->order.reset(BN_new());
    if (!state->group || !state->context || !state->order
        || !EC_GROUP_get_order(state->group.get(), state->order.get(), state->context.get())) {
        failOpenSsl(error, QStringLiteral("the curve %1 is not available").arg(QLatin1String(OBJ_nid2sn(curveNid))));
        return std::nullopt;
    }
    return PaceEcdhMapping(std::move(state));
}

int PaceEcdhMapping::fieldBytes() const
{
    return m_state->fieldBytes();
}

std::optional<QByteArray> PaceEcdhMapping::generateMappingKey(QString* error)
{
    return setMappingKey(QByteArrayView(), error);
}

std::optional<QByteArray> PaceEcdhMapping::setMappingKey(QByteArrayView privateKey, QString* error)
{
    Number key = m_state->privateKey(privateKey, error);
    if (!key)
        return std::nullopt;
    Point publicKey = m_state->multiply(key.get(), nullptr, error);
    if (!publicKey)
        return std::nullopt;
    m_state->mappingKey = std::move(key);
    m_state->mappingPublic = std::move(publicKey);
    m_state->h.reset();
    m_state->mappedGenerator.reset();
    return m_state->encode(m_state->mappingPublic.get());
}

bool PaceEcdhMapping::mapGenerator(QByteArrayView nonce, QByteArrayView peerMappingKey, QString* error)
{
    State& s = *m_state;
    if (!s.mappingKey)
        return fail(error, QStringLiteral("the generator is mapped before a mapping key was made"));
    if (nonce.isEmpty())
        return fail(error, QStringLiteral("an empty nonce"));
    const Point peer = s.decode(peerMappingKey, "mapping public key", error);
    if (!peer)
        return false;
    if (EC_POINT_cmp(s.group.get(), peer.get(), s.mappingPublic.get(), s.context.get()) == 0)
        return fail(error, QStringLiteral("the other side's mapping public key is our own"));
    Point h = s.multiply(s.mappingKey.get(), peer.get(), error);
    if (!h)
        return false;
    if (EC_POINT_is_at_infinity(s.group.get(), h.get()))
        return fail(error, QStringLiteral("the mapping's shared point H is the point at infinity"));
    Number scalar = secretNumber();
    const auto* nonceBytes = reinterpret_cast<const unsigned char*>(nonce.data());
    if (!scalar || !BN_bin2bn(nonceBytes, static_cast<int>(nonce.size()), scalar.get()))
        return failOpenSsl(error, QStringLiteral("the nonce"));
    Point sG = s.multiply(scalar.get(), nullptr, error);
    if (!sG)
        return false;
    Point mapped(EC_POINT_new(s.group.get()));
    if (!mapped || !EC_POINT_add(s.group.get(), mapped.get(), sG.get(), h.get(), s.context.get()))
        return failOpenSsl(error, QStringLiteral("mapping the generator failed"));
    if (EC_POINT_is_at_infinity(s.group.get(), mapped.get()))
        return fail(error, QStringLiteral("the mapped generator is the point at infinity"));
    s.h = std::move(h);
    s.mappedGenerator = std::move(mapped);
    s.mappingKey.reset(); // used once
    return true;
}

QByteArray PaceEcdhMapping::sharedPointH() const
{
    return m_state->encode(m_state->h.get());
}

QByteArray PaceEcdhMapping::mappedGenerator() const
{
    return m_state->encode(m_state->mappedGenerator.get());
}

std::optional<QByteArray> PaceEcdhMapping::generateAgreementKey(QString* error)
{
    return setAgreementKey(QByteArrayView(), error);
}

std::optional<QByteArray> PaceEcdhMapping::setAgreementKey(QByteArrayView privateKey, QString* error)
{
    State& s = *m_state;
    if (!s.mappedGenerator) {
        fail(error, QStringLiteral("an ephemeral key is made before the generator was mapped"));
        return std::nullopt;
    }
    Number key = s.privateKey(privateKey, error);
    if (!key)
        return std::nullopt;
    Point publicKey = s.multiply(key.get(), s.mappedGenerator.get(), error);
    if (!publicKey)
        return std::nullopt;
    s.agreementKey = std::move(key);
    s.agreementPublic = std::move(publicKey);
    return s.encode(s.agreementPublic.get());
}

std::optional<SecureBuffer> PaceEcdhMapping::sharedSecret(QByteArrayView peerAgreementKey, QString* error)
{
    State& s = *m_state;
    if (!s.agreementKey) {
        fail(error, QStringLiteral("the shared secret is computed before an ephemeral key was made"));
        return std::nullopt;
    }
    const Point peer = s.decode(peerAgreementKey, "ephemeral public key", error);
    if (!peer)
        return std::nullopt;
    if (EC_POINT_cmp(s.group.get(), peer.get(), s.agreementPublic.get(), s.context.get()) == 0) {
        fail(error, QStringLiteral("the other side's ephemeral public key is our own (Doc 9303 4.4.3.3.2)"));
        return std::nullopt;
    }
    const Point shared = s.multiply(s.agreementKey.get(), peer.get(), error);
    if (!shared)
        return std::nullopt;
    Number x = secretNumber();
    SecureBuffer secret(s.fieldBytes());
    if (!x || EC_POINT_is_at_infinity(s.group.get(), shared.get())
        || !EC_POINT_get_affine_coordinates(s.group.get(), shared.get(), x.get(), nullptr, s.context.get())
        || BN_bn2binpad(x.get(), reinterpret_cast<unsigned char*>(secret.data()), static_cast<int>(secret.size()))
            < 0) {
        failOpenSsl(error, QStringLiteral("the shared secret could not be computed"));
        return std::nullopt;
    }
    s.agreementKey.reset(); // used once
    return secret;
}

} // namespace fg
