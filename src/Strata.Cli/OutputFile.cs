namespace Strata.Cli;

/// <summary>
/// Every file a command writes goes through here: written beside its place, then moved over it, so an interrupted run
/// never leaves a half-written report, table or chart.
/// </summary>
internal static class OutputFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(string path, string text) =>
        Write(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    public static void Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));
}
