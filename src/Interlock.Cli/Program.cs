// Placeholder until the command tree lands.
Console.Error.WriteLine("interlock: commands are not built yet.");
return 1;
