// Fuzz target: the client's strict decoders of API answers (core/services/net/ApiDecode). Every
// decoder gets every input; an answer that decodes must keep the promises the screens rely on:
// amounts within 0..Money::maxCents, used <= initial and available = initial - used, a movement
// amount > 0 and a cancellable part not above it, a cancellation that names its purchase, known
// enum values, OTP counters within 0..100, a verify answer whose voucher is the movement's. An
// error is always "api.decode" (or a problem code) with a message for the clerk.
#include "FuzzCheck.h"
#include "core/domain/Money.h"
#include "core/services/net/ApiDecode.h"

#include <cstdint>

using namespace sinfonia;

namespace {
bool inRange(Money m)
{
    return m.cents() >= 0 && m.cents() <= Money::maxCents;
}

void checkVoucher(const VoucherInfo& v)
{
    FUZZ_CHECK(inRange(v.voucher.initialAmount));
    FUZZ_CHECK(inRange(v.voucher.usedAmount));
    FUZZ_CHECK(v.voucher.usedAmount <= v.voucher.initialAmount);
    FUZZ_CHECK(inRange(v.voucher.availableAmount()));
    FUZZ_CHECK(!v.voucher.id.isEmpty());
}

void checkMovement(const ApiMovement& a)
{
    const Movement& m = a.movement;
    FUZZ_CHECK(m.amount.cents() >= 1 && m.amount.cents() <= Money::maxCents);
    FUZZ_CHECK(a.actions.cancellable.cents() >= 0 && a.actions.cancellable <= m.amount);
    FUZZ_CHECK(m.type != MovementType::Cancellazione || !m.purchaseId.isEmpty());
    FUZZ_CHECK(!m.id.isEmpty() && !m.voucherId.isEmpty() && !m.structureId.isEmpty());
    FUZZ_CHECK(m.createdAt.isValid());
}

template<typename T>
void checkError(const Result<T>& r)
{
    if (!r.ok()) {
        FUZZ_CHECK(!r.error().code.isEmpty());
        FUZZ_CHECK(!r.error().message.isEmpty());
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));

    if (auto v = ApiDecode::voucher(body))
        checkVoucher(*v);
    else
        checkError(v);
    if (auto b = ApiDecode::beneficiary(body)) {
        for (const VoucherInfo& v : b->vouchers)
            checkVoucher(v);
    }
    if (auto list = ApiDecode::movementList(body)) {
        for (const ApiMovement& m : *list)
            checkMovement(m);
    } else {
        checkError(list);
    }
    if (auto page = ApiDecode::movementPage(body)) {
        for (const ApiMovement& m : page->items)
            checkMovement(m);
    }
    if (auto c = ApiDecode::movementWithChallenge(body)) {
        checkMovement(c->movement);
        FUZZ_CHECK(c->otp.attemptsLeft >= 0 && c->otp.attemptsLeft <= 100);
        FUZZ_CHECK(c->otp.resendsLeft >= 0 && c->otp.resendsLeft <= 100);
    } else {
        checkError(c);
    }
    if (auto v = ApiDecode::verifyResult(body)) {
        checkMovement(v->movement);
        checkVoucher(v->voucher);
        FUZZ_CHECK(v->movement.movement.voucherId == v->voucher.voucher.id);
    }
    if (auto t = ApiDecode::tokenResponse(body))
        FUZZ_CHECK(!t->accessToken.isEmpty());
    (void)ApiDecode::info(body);
    (void)ApiDecode::operatorProfile(body);
    (void)ApiDecode::employeeList(body);
    (void)ApiDecode::employee(body);
    (void)ApiDecode::sandboxIdentities(body);
    return 0;
}
