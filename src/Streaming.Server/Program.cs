using Streaming.Server.Hosting;

return await ServerHost.RunAsync(args);
