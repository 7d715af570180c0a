using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// trial31: the times of a person's sign-in sessions and of access-log entries named in French, German and Spanish
/// (<c>sessions_web.ouverte_le</c>, <c>sesiones.ultima_actividad</c>, <c>journal_acces.horodatage</c>,
/// <c>registro_accesos.marca_tiempo</c>) were suggested none at 0.93: they are what a person did and when (LABELS.md
/// tie-breaker 10, automatic.activity), as their English names are. The same words in tables of records that are opened
/// and closed (tickets, accounts), of machines or of recordings stay out. Generated in bulk by
/// <see cref="AdversarialColumns"/>; only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class SessionAndAccessLogTimeAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] TimeTypes = ["timestamp", "timestamptz", "datetime", "DATETIME2", "timestamp with time zone", "integer", "bigint"];

    internal static readonly ColumnKind TimesOfSignInSessions = new("when a person's sign-in session was opened, last active or closed",
        [
            new("fr", W("ouverte le", "ouvert le", "date ouverture", "derniere activite", "date derniere activite", "fermee le"),
                ["sessions_web", "sessions_utilisateurs", "sessions", "session_utilisateur", "sessions_de_connexion"]),
            new("de", W("geoeffnet am", "letzte aktivitaet", "zuletzt aktiv", "beendet am", "gestartet am"),
                ["sitzungen", "benutzersitzungen", "Sitzung", "anmeldesitzungen"]),
            new("es", W("abierta en", "abierto el", "ultima actividad", "fecha ultima actividad", "iniciada en", "cerrada en", "fecha inicio"),
                ["sesiones", "sesiones_usuario", "sesion", "sesiones_de_usuario"]),
        ],
        TimeTypes, ["id", "user_id", "ip_address", "user_agent"], ["automatic.activity"]);

    internal static readonly ColumnKind TimesAndActionsOfAccessLogs = new("the time or action of an access-log entry",
        [
            new("fr", W("horodatage", "date creation", "date de creation", "date heure", "action", "type d action"),
                ["journal_acces", "journal_des_acces", "journal_connexions", "journal_d_activite", "journal_des_evenements"]),
            new("de", W("zeitstempel", "erstellt am", "zeitpunkt", "aktion"), ["zugriffsprotokoll", "Zugriffsprotokolle", "anmeldeprotokoll"]),
            new("es", W("marca tiempo", "marca de tiempo", "fecha creacion", "fecha de creacion", "fecha hora", "accion"),
                ["registro_accesos", "registro_de_accesos", "registro_conexiones", "registro_de_eventos"]),
        ],
        TimeTypes.Concat(["varchar(64)", "text"]).ToArray(), ["id", "user_id", "ip_address"], ["automatic.activity"]);

    internal static readonly ColumnKind SameWordsOfOtherRecords = new("opening, activity and creation times of tickets, accounts, machines and recordings",
        [
            new("fr", W("ouverte le", "date ouverture", "derniere activite", "date creation"), ["tickets", "comptes_bancaires", "serveurs", "enregistrements_session"]),
            new("de", W("geoeffnet am", "letzte aktivitaet", "erstellt am"), ["tickets", "konten", "server", "sitzungsaufnahmen"]),
            new("es", W("abierta en", "ultima actividad", "fecha creacion"), ["tickets", "cuentas", "servidores", "grabaciones_sesion"]),
        ],
        TimeTypes, ["id", "name", "status"], ["none"]);

    [Test]
    public void TheTimesOfASignInSession_AreActivity() =>
        AdversarialColumns.AssertAllAccepted(Rules, TimesOfSignInSessions, 600, 3141);

    [Test]
    public void TheTimesOfASignInSession_AreActivity_WithTheShippedModel() =>
        AdversarialColumns.AssertAllAccepted(Combined, TimesOfSignInSessions, 600, 3142);

    [Test]
    public void TheTimesAndActionsOfAnAccessLog_AreActivity() =>
        AdversarialColumns.AssertAllAccepted(Rules, TimesAndActionsOfAccessLogs, 600, 3143);

    [Test]
    public void TheTimesAndActionsOfAnAccessLog_AreActivity_WithTheShippedModel() =>
        AdversarialColumns.AssertAllAccepted(Combined, TimesAndActionsOfAccessLogs, 600, 3144);

    [Test]
    public void TheSameWordsOfOtherRecords_AreNeverTakenByTheSessionRule() =>
        AssertRuleNeverFires(SameWordsOfOtherRecords, 600, 3145, "name.multi.time-of-a-sign-in-session");

    [Test]
    public void TheSameWordsOfOtherRecords_AreNeverTakenByTheEventCreationRule() =>
        AssertRuleNeverFires(SameWordsOfOtherRecords, 600, 3146, "name.multi.creation-time-in-event-table");
}
