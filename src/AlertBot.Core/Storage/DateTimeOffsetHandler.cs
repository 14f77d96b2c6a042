using System.Data;
using System.Globalization;
using Dapper;

namespace AlertBot.Core.Storage;

/// <summary>
/// Reads timestamps back as UTC. Parameters do not go through <see cref="SetValue"/>: Dapper binds a DateTimeOffset
/// itself, and Microsoft.Data.Sqlite (like <see cref="Statement"/>) writes it as "2026-03-01 12:00:00+00:00"; every
/// time the bot stores is UTC, so such texts sort and compare correctly in SQL. <see cref="Format"/> is the ISO text
/// "2026-03-01T12:00:00.000Z" the stories' times are kept in; it sorts correctly among itself only, so a value
/// compared with those columns is bound as this text too.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = Format(value);
    }

    public override DateTimeOffset Parse(object value) =>
        DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
