#include "server/ledger/Migrations.h"

namespace sinfonia::ledger::Migrations {

namespace {

// Version 1: the whole ledger. Amounts are BIGINT cents; CHECK constraints are the last guard of
// the rules the service enforces first (amount > 0, used <= initial, cancelled <= purchase, ...).
const char* const v1[] = {
    "CREATE TABLE structures (id VARCHAR(32) PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE operators (cf VARCHAR(16) PRIMARY KEY, nome TEXT NOT NULL, cognome TEXT NOT NULL,"
    " login_id VARCHAR(64) UNIQUE)",
    "CREATE TABLE operator_structures (cf VARCHAR(16) NOT NULL REFERENCES operators(cf),"
    " structure_id VARCHAR(32) NOT NULL REFERENCES structures(id),"
    " role VARCHAR(16) NOT NULL CHECK (role IN ('titolare','dipendente')),"
    " enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)), PRIMARY KEY (cf, structure_id))",
    "CREATE INDEX operator_structures_structure ON operator_structures(structure_id)",
    "CREATE TABLE operator_services (cf VARCHAR(16) NOT NULL, structure_id VARCHAR(32) NOT NULL,"
    " service VARCHAR(64) NOT NULL, PRIMARY KEY (cf, structure_id, service),"
    " FOREIGN KEY (cf, structure_id) REFERENCES operator_structures(cf, structure_id))",
    "CREATE TABLE beneficiaries (cf VARCHAR(16) PRIMARY KEY, nome TEXT NOT NULL, cognome TEXT NOT NULL,"
    " phone VARCHAR(32) NOT NULL, card_number VARCHAR(20) UNIQUE)",
    "CREATE TABLE vouchers (id {ID}, number VARCHAR(32) NOT NULL UNIQUE,"
    " beneficiary_cf VARCHAR(16) NOT NULL REFERENCES beneficiaries(cf),"
    " state VARCHAR(16) NOT NULL CHECK (state IN ('ATTIVO','SCADUTO','ESAURITO','SOSPESO')),"
    " activation_date VARCHAR(10) NOT NULL, expiry_date VARCHAR(10) NOT NULL,"
    " initial_cents BIGINT NOT NULL CHECK (initial_cents > 0),"
    " used_cents BIGINT NOT NULL DEFAULT 0 CHECK (used_cents >= 0 AND used_cents <= initial_cents))",
    "CREATE INDEX vouchers_beneficiary ON vouchers(beneficiary_cf)",
    "CREATE TABLE movements (id {ID}, voucher_id BIGINT NOT NULL REFERENCES vouchers(id),"
    " structure_id VARCHAR(32) NOT NULL REFERENCES structures(id), operator_cf VARCHAR(16) NOT NULL,"
    " type VARCHAR(16) NOT NULL CHECK (type IN ('ACQUISTO','CANCELLAZIONE')),"
    " state VARCHAR(16) NOT NULL CHECK (state IN ('IN_ATTESA','CONFERMATO')),"
    " amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),"
    " cancelled_cents BIGINT NOT NULL DEFAULT 0 CHECK (cancelled_cents >= 0 AND cancelled_cents <= amount_cents),"
    " purchase_id BIGINT REFERENCES movements(id), commercial_document VARCHAR(64),"
    " created_at_ms BIGINT NOT NULL, confirmed_at_ms BIGINT,"
    " CHECK ((type = 'ACQUISTO' AND purchase_id IS NULL)"
    " OR (type = 'CANCELLAZIONE' AND purchase_id IS NOT NULL AND cancelled_cents = 0)))",
    "CREATE INDEX movements_structure_time ON movements(structure_id, created_at_ms, id)",
    "CREATE INDEX movements_voucher ON movements(voucher_id, created_at_ms)",
    "CREATE INDEX movements_purchase ON movements(purchase_id)",
    "CREATE TABLE receipts (movement_id BIGINT PRIMARY KEY REFERENCES movements(id),"
    " content_type VARCHAR(64) NOT NULL, data {BLOB} NOT NULL,"
    " size_bytes BIGINT NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880))",
    "CREATE TABLE otp_challenges (id {ID}, movement_id BIGINT NOT NULL REFERENCES movements(id),"
    " structure_id VARCHAR(32) NOT NULL, amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),"
    " salt VARCHAR(64) NOT NULL, code_hash VARCHAR(64) NOT NULL, phone VARCHAR(32) NOT NULL,"
    " created_at_ms BIGINT NOT NULL, expires_at_ms BIGINT NOT NULL, last_sent_at_ms BIGINT NOT NULL,"
    " resends INTEGER NOT NULL DEFAULT 0 CHECK (resends >= 0 AND resends <= 10),"
    " failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0 AND failures <= 10),"
    " state VARCHAR(8) NOT NULL CHECK (state IN ('ACTIVE','USED','VOID')))",
    "CREATE INDEX otp_challenges_movement ON otp_challenges(movement_id)",
    "CREATE UNIQUE INDEX otp_challenges_one_active ON otp_challenges(movement_id) WHERE state = 'ACTIVE'",
    "CREATE TABLE sms_outbox (id {ID}, phone VARCHAR(32) NOT NULL, text TEXT NOT NULL, otp VARCHAR(16),"
    " movement_id VARCHAR(32), voucher_id VARCHAR(32), created_at_ms BIGINT NOT NULL)",
    "CREATE INDEX sms_outbox_phone ON sms_outbox(phone, id)",
    "CREATE TABLE idempotency_keys (operator_id VARCHAR(64) NOT NULL, idem_key VARCHAR(255) NOT NULL,"
    " method VARCHAR(16) NOT NULL, path TEXT NOT NULL, body_hash VARCHAR(64) NOT NULL,"
    " state VARCHAR(16) NOT NULL CHECK (state IN ('IN_PROGRESS','COMPLETED')),"
    " status INTEGER, content_type TEXT, response {BLOB},"
    " created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, PRIMARY KEY (operator_id, idem_key))",
    "CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at_ms)",
    "CREATE TABLE oauth_clients (client_id VARCHAR(64) PRIMARY KEY, name TEXT NOT NULL)",
    "INSERT INTO oauth_clients (client_id, name) VALUES ('sinfonia-pos', 'SINFONIA Banco')",
    "CREATE TABLE oauth_grants (id VARCHAR(64) PRIMARY KEY, client_id VARCHAR(64) NOT NULL"
    " REFERENCES oauth_clients(client_id), operator_cf VARCHAR(16) NOT NULL, scope TEXT NOT NULL DEFAULT '',"
    " revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0,1)), created_at_ms BIGINT NOT NULL)",
    "CREATE TABLE oauth_codes (code_hash VARCHAR(64) PRIMARY KEY, client_id VARCHAR(64) NOT NULL,"
    " redirect_uri TEXT NOT NULL, operator_cf VARCHAR(16) NOT NULL, code_challenge VARCHAR(128) NOT NULL,"
    " scope TEXT NOT NULL DEFAULT '', expires_at_ms BIGINT NOT NULL,"
    " used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0,1)), grant_id VARCHAR(64))",
    "CREATE TABLE oauth_tokens (token_hash VARCHAR(64) PRIMARY KEY, grant_id VARCHAR(64) NOT NULL"
    " REFERENCES oauth_grants(id), kind VARCHAR(8) NOT NULL CHECK (kind IN ('access','refresh')),"
    " expires_at_ms BIGINT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0,1)))",
    "CREATE INDEX oauth_tokens_grant ON oauth_tokens(grant_id)",
};

// Version 2: the Idempotency-Key of the request that created a movement, written in the same
// transaction as the movement. A retry whose idempotency claim was taken over after a crash
// between COMMIT and the stored answer finds the movement by key instead of debiting again; the
// unique index stops two takeovers racing. NULL (demo data, old rows) never collides.
const char* const v2[] = {
    "ALTER TABLE movements ADD COLUMN idem_key VARCHAR(255)",
    "CREATE UNIQUE INDEX movements_idem_key ON movements(operator_cf, idem_key)",
};

// Version 3: facts about the database itself. "mode" is "sandbox" or "production", written by the
// first server that opens the database (Database::claimMode): a sandbox database (test identities,
// tokens, a settable clock) must never be served by a normal server, nor the reverse.
const char* const v3[] = {
    "CREATE TABLE server_metadata (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
};

// Version 4: OpenID Connect login (server/oidc). A login in progress at the identity provider is
// one oidc_logins row, keyed by the SHA-256 of the `state` sent to the provider and deleted when
// the browser comes back (single use); it keeps the nonce, the PKCE verifier of the provider leg
// and what sinfonia-pos asked for. The provider's ID token travels from the code to the grant
// (RP-initiated logout sends it as id_token_hint) and is cleared when the grant is revoked.
const char* const v4[] = {
    "CREATE TABLE oidc_logins (state_hash VARCHAR(64) PRIMARY KEY, nonce VARCHAR(64) NOT NULL,"
    " code_verifier VARCHAR(128) NOT NULL, client_id VARCHAR(64) NOT NULL, redirect_uri TEXT NOT NULL,"
    " client_state TEXT NOT NULL, code_challenge VARCHAR(128) NOT NULL, scope TEXT NOT NULL DEFAULT '',"
    " expires_at_ms BIGINT NOT NULL)",
    "ALTER TABLE oauth_codes ADD COLUMN id_token TEXT",
    "ALTER TABLE oauth_grants ADD COLUMN id_token TEXT",
};

// Version 5 (issue 10 items 4 and 6): a pending purchase can be voided (ANNULLATO, with its
// reason: STRUTTURA = voided by the structure, SCADENZA = expired), and OTP messages waiting for the
// SMS gateway are kept only sealed (AES-256-GCM) until the gateway accepted them.
// SQLite cannot alter a CHECK constraint; the widening of the state CHECK edits the stored table
// text (the documented writable_schema procedure for changing constraints, no row is rewritten;
// the CREATE INDEX after it bumps the schema cookie so every connection reloads the schema).
const char* const v5Common[] = {
    "ALTER TABLE movements ADD COLUMN voided_at_ms BIGINT",
    "CREATE INDEX movements_pending ON movements(created_at_ms) WHERE state = 'IN_ATTESA' AND type = 'ACQUISTO'",
    "CREATE TABLE sms_pending (id {ID}, movement_id BIGINT NOT NULL REFERENCES movements(id),"
    " sealed {BLOB} NOT NULL, created_at_ms BIGINT NOT NULL, expires_at_ms BIGINT NOT NULL)",
    "CREATE INDEX sms_pending_movement ON sms_pending(movement_id)",
};
const char* const v5Sqlite[] = {
    "ALTER TABLE movements ADD COLUMN void_reason VARCHAR(16) CHECK ((void_reason IS NULL AND state <> 'ANNULLATO')"
    " OR (void_reason IS NOT NULL AND void_reason IN ('STRUTTURA','SCADENZA') AND state = 'ANNULLATO' AND type = "
    "'ACQUISTO'))",
    "PRAGMA writable_schema = ON",
    "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (state IN (''IN_ATTESA'',''CONFERMATO''))',"
    " 'CHECK (state IN (''IN_ATTESA'',''CONFERMATO'',''ANNULLATO''))') WHERE type = 'table' AND name = 'movements'",
    "PRAGMA writable_schema = RESET",
};
const char* const v5Postgres[] = {
    "ALTER TABLE movements ADD COLUMN void_reason VARCHAR(16)",
    "ALTER TABLE movements DROP CONSTRAINT movements_state_check",
    "ALTER TABLE movements ADD CONSTRAINT movements_state_check"
    " CHECK (state IN ('IN_ATTESA','CONFERMATO','ANNULLATO'))",
    "ALTER TABLE movements ADD CONSTRAINT movements_void_reason_check"
    " CHECK ((void_reason IS NULL AND state <> 'ANNULLATO')"
    " OR (void_reason IS NOT NULL AND void_reason IN ('STRUTTURA','SCADENZA') AND state = 'ANNULLATO' AND type = "
    "'ACQUISTO'))",
};

// Version 6 (issue 10: access, throttling, audit). Opaque ids: vouchers and movements get a
// public_id (128 random bits, URL-safe base64) filled for existing rows by fillPublicIds() in the
// same transaction; the numeric id stays the internal key and the voucher's display number.
// voucher_grants: the vouchers a structure reached by a lookup on a Rome day. audit_log: the
// append-only trail (operator, structure, action, voucher, keyed hash of the beneficiary's CF,
// outcome); on PostgreSQL a trigger refuses UPDATE and DELETE of rows younger than the retention
// that the server records in server_metadata. Stored idempotent answers carry the old numeric ids:
// they are dropped, a retry finds its movement through movements.idem_key (version 2).
const char* const v6[] = {
    "ALTER TABLE vouchers ADD COLUMN public_id VARCHAR(32)",
    "CREATE UNIQUE INDEX vouchers_public_id ON vouchers(public_id)",
    "ALTER TABLE movements ADD COLUMN public_id VARCHAR(32)",
    "CREATE UNIQUE INDEX movements_public_id ON movements(public_id)",
    "CREATE TABLE voucher_grants (structure_id VARCHAR(32) NOT NULL, voucher_id BIGINT NOT NULL,"
    " day VARCHAR(10) NOT NULL, PRIMARY KEY (structure_id, voucher_id, day))",
    "CREATE TABLE audit_log (id {ID}, at_ms BIGINT NOT NULL, operator_cf VARCHAR(16) NOT NULL,"
    " structure_id VARCHAR(32) NOT NULL, action VARCHAR(24) NOT NULL, voucher_id BIGINT, movement_id BIGINT,"
    " cf_hash VARCHAR(64), outcome VARCHAR(40) NOT NULL)",
    "CREATE INDEX audit_log_structure_time ON audit_log(structure_id, at_ms, id)",
    "CREATE INDEX audit_log_operator_action ON audit_log(operator_cf, action, at_ms)",
    "DELETE FROM idempotency_keys",
};

// PostgreSQL only: the append-only guard of audit_log.
const char* const v6Postgres[] = {
    "CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$"
    " DECLARE keep_months INTEGER;"
    " BEGIN"
    "  IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'audit_log is append-only: UPDATE refused'; END IF;"
    "  IF TG_OP = 'TRUNCATE' THEN RAISE EXCEPTION 'audit_log is append-only: TRUNCATE refused'; END IF;"
    "  SELECT COALESCE(MAX(value::INTEGER), 24) INTO keep_months FROM server_metadata"
    "   WHERE name = 'audit_retention_months';"
    "  IF keep_months < 1 THEN keep_months := 1; END IF;"
    "  IF OLD.at_ms > (EXTRACT(EPOCH FROM (now() - make_interval(months => keep_months))) * 1000)::BIGINT THEN"
    "   RAISE EXCEPTION 'audit_log row younger than the retention: DELETE refused';"
    "  END IF;"
    "  RETURN OLD;"
    " END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW"
    " EXECUTE FUNCTION audit_log_guard()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT"
    " EXECUTE FUNCTION audit_log_guard()",
};

QString idColumn(bool postgres)
{
    return postgres ? QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                    : QStringLiteral("INTEGER PRIMARY KEY");
}

} // namespace

int latestVersion()
{
    return 6;
}

QStringList statements(int version, bool postgres)
{
    QStringList out;
    if (version == 2) {
        for (const char* s : v2)
            out << QString::fromUtf8(s);
        return out;
    }
    if (version == 3) {
        for (const char* s : v3)
            out << QString::fromUtf8(s);
        return out;
    }
    if (version == 4) {
        for (const char* s : v4)
            out << QString::fromUtf8(s);
        return out;
    }
    if (version == 6) {
        for (const char* s : v6)
            out << QString::fromUtf8(s).replace(QLatin1String("{ID}"), idColumn(postgres));
        if (postgres) {
            for (const char* s : v6Postgres)
                out << QString::fromUtf8(s);
        }
        return out;
    }
    const QString id = idColumn(postgres);
    const QString blob = postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    if (version == 5) {
        if (postgres) {
            for (const char* s : v5Postgres)
                out << QString::fromUtf8(s);
        } else {
            for (const char* s : v5Sqlite)
                out << QString::fromUtf8(s);
        }
        for (const char* s : v5Common) {
            QString text = QString::fromUtf8(s);
            text.replace(QLatin1String("{ID}"), id);
            text.replace(QLatin1String("{BLOB}"), blob);
            out << text;
        }
        return out;
    }
    if (version != 1)
        return out;
    for (const char* s : v1) {
        QString text = QString::fromUtf8(s);
        text.replace(QLatin1String("{ID}"), id);
        text.replace(QLatin1String("{BLOB}"), blob);
        out << text;
    }
    return out;
}

} // namespace sinfonia::ledger::Migrations
