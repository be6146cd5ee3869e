using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;
using Tessera.Core.Picture;

namespace Tessera.Storage.Picture;

/// <summary>Border sections and their impact levels (Reg. (EU) 2019/1896 Arts. 34–35).</summary>
public sealed partial class PictureStore
{
    private const string SectionColumns =
        "code, name, kind, route, member_state, neighbour, length_km, latitude, longitude, impact_level, level_since, level_reason, level_set_by";

    /// <summary>Adds or replaces the configuration of sections (administrators only); new sections start at low.</summary>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">The principal may not administer the platform.</exception>
    public async Task<int> ConfigureSectionsAsync(IEnumerable<BorderSection> sections, Principal by, CancellationToken ct = default)
    {
        var list = sections.ToList();
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (AccessPolicy.Decide(by, AccessAction.Administer, AccessTarget.Platform) != Decision.Allow)
        {
            await _store.Audit.AppendAsync(connection, tx, [new AuditEvent(by.UserName, by.Organisation, "picture.sections.configure", "picture_sections", "deny", "")]);
            await tx.CommitAsync(ct);
            throw new Tessera.Core.Access.AccessRefusedException($"{by.UserName} may not configure border sections");
        }

        var added = 0;
        foreach (var s in list)
        {
            var updated = await connection.ExecuteAsync(
                "UPDATE picture_sections SET name = @Name, kind = @kind, route = @Route, member_state = @MemberState, neighbour = @Neighbour, " +
                "length_km = @LengthKm, latitude = @Latitude, longitude = @Longitude WHERE code = @Code",
                new { s.Name, kind = s.Kind.ToString(), s.Route, s.MemberState, s.Neighbour, s.LengthKm, s.Latitude, s.Longitude, s.Code }, tx);
            if (updated == 0)
            {
                await connection.ExecuteAsync(
                    $"INSERT INTO picture_sections ({SectionColumns}) VALUES (@Code, @Name, @kind, @Route, @MemberState, @Neighbour, @LengthKm, @Latitude, @Longitude, 'low', @now, 'initial level', @user)",
                    new { s.Code, s.Name, kind = s.Kind.ToString(), s.Route, s.MemberState, s.Neighbour, s.LengthKm, s.Latitude, s.Longitude, now = _store.Now(), user = by.UserName }, tx);
                added++;
            }
        }

        await _store.Audit.AppendAsync(connection, tx,
            [new AuditEvent(by.UserName, by.Organisation, "picture.sections.configure", "picture_sections", "ok",
                string.Create(CultureInfo.InvariantCulture, $"{list.Count} sections, {added} new"))]);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>The sections with their levels and required measures, without proposals.</summary>
    public async Task<IReadOnlyList<SectionStatus>> SectionsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<SectionRow>($"SELECT {SectionColumns} FROM picture_sections ORDER BY code");
        return rows.Select(r => r.ToStatus()).ToList();
    }

    /// <summary>Sets a section's impact level, with the reason, audited; refused (and the refusal audited) without the right.</summary>
    /// <exception cref="ModelException">Unknown section, or no reason given.</exception>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">The principal may not set impact levels.</exception>
    public async Task<LevelChange> SetLevelAsync(string code, SectionImpactLevel level, string reason, Principal by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ModelException("a reason is required for every change of impact level", null, null, "reason");
        }

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var target = "picture_section:" + code;
        if (AccessPolicy.Decide(by, AccessAction.SetImpactLevel, AccessTarget.Platform) != Decision.Allow)
        {
            await _store.Audit.AppendAsync(connection, tx,
                [new AuditEvent(by.UserName, by.Organisation, "picture.section.level", target, "deny", $"{SectionImpactLevels.Name(level)}: {reason}")]);
            await tx.CommitAsync(ct);
            throw new Tessera.Core.Access.AccessRefusedException($"{by.UserName} may not set impact levels (Supervisor or HubAnalyst role required)");
        }

        var current = await connection.ExecuteScalarAsync<string?>("SELECT impact_level FROM picture_sections WHERE code = @code", new { code }, tx)
            ?? throw new ModelException($"unknown border section '{code}'", null, null, "section");
        var previous = SectionImpactLevels.TryParse(current) ?? SectionImpactLevel.Low;
        var now = _store.Time.GetUtcNow();
        var name = SectionImpactLevels.Name(level);
        await connection.ExecuteAsync(
            "UPDATE picture_sections SET impact_level = @name, level_since = @since, level_reason = @reason, level_set_by = @user WHERE code = @code",
            new { name, since = Store.Format(now), reason, user = by.UserName, code }, tx);
        await connection.ExecuteAsync(
            "INSERT INTO picture_section_levels (section, level, previous_level, reason, set_by, organisation, time) VALUES (@code, @name, @current, @reason, @user, @org, @since)",
            new { code, name, current, reason, user = by.UserName, org = by.Organisation, since = Store.Format(now) }, tx);
        await _store.Audit.AppendAsync(connection, tx,
            [new AuditEvent(by.UserName, by.Organisation, "picture.section.level", target, "ok", $"{current} -> {name}: {reason}")]);
        await tx.CommitAsync(ct);
        return new LevelChange(code, level, previous, reason, by.UserName, by.Organisation, now);
    }

    /// <summary>The level changes of a section, oldest first.</summary>
    public async Task<IReadOnlyList<LevelChange>> LevelHistoryAsync(string code, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Section, string Level, string Previous, string Reason, string SetBy, string Organisation, string Time)>(
            "SELECT section, level, previous_level, reason, set_by, organisation, time FROM picture_section_levels WHERE section = @code ORDER BY id", new { code });
        return rows.Select(r => new LevelChange(r.Section, SectionImpactLevels.TryParse(r.Level)!.Value, SectionImpactLevels.TryParse(r.Previous)!.Value,
            r.Reason, r.SetBy, r.Organisation, ParseTime(r.Time))).ToList();
    }

    internal static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed record SectionRow(string Code, string Name, string Kind, string Route, string Member_State, string Neighbour, double Length_Km,
        double Latitude, double Longitude, string Impact_Level, string Level_Since, string Level_Reason, string Level_Set_By)
    {
        public SectionStatus ToStatus()
        {
            var level = SectionImpactLevels.TryParse(Impact_Level) ?? SectionImpactLevel.Low;
            return new SectionStatus(
                new BorderSection(Code, Name, Enum.Parse<BorderKind>(Kind), Route, Member_State, Neighbour, Length_Km, Latitude, Longitude),
                level, ParseTime(Level_Since), Level_Reason, Level_Set_By, SectionImpactLevels.Measures(level), null);
        }
    }
}
