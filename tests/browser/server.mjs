// Starts the real Streaming.Server (the Release build) on a free loopback port, for the browser tests.

import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const READY_TIMEOUT_MS = 120_000;

/**
 * Runs src/Streaming.Server/bin/Release/net10.0/Streaming.Server.dll with a fresh signing key, port 0 on
 * 127.0.0.1 and batch-job data in a temporary folder, and waits for /health/ready.
 * Returns { url, repoRoot, signingKey, log(), stop() }.
 */
export async function startServer(repoRoot) {
  const dll = path.join(repoRoot, 'src/Streaming.Server/bin/Release/net10.0/Streaming.Server.dll');
  if (!fs.existsSync(dll)) throw new Error(`${dll} not found: build it (dotnet build src/Streaming.Server -c Release)`);
  const signingKey = crypto.randomBytes(32).toString('base64');
  const jobsData = fs.mkdtempSync(path.join(os.tmpdir(), 'streaming-jobs-'));
  const child = spawn('dotnet', [dll], {
    cwd: repoRoot,
    env: {
      ...process.env,
      Server__Host: '127.0.0.1',
      Server__Port: '0',
      Auth__SigningKey: signingKey,
      Jobs__DataDirectory: jobsData,
      // A second device to choose from: the Ascend path through the AscendCL simulator.
      Inference__SelectableDevices__0: 'npu:0',
      DOTNET_NOLOGO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let exited = null;
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) lines.push(line);
        const match = /Now listening on: (http:\/\/\S+)/.exec(line);
        if (match) resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      exited = code ?? signal;
      reject(new Error(`the server exited (${exited}) before listening:\n${lines.join('\n')}`));
    });
  });
  const server = {
    url: '',
    repoRoot,
    signingKey,
    log: () => lines.join('\n'),
    async stop() {
      if (exited === null) {
        const done = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await done;
        clearTimeout(timer);
      }
      fs.rmSync(jobsData, { recursive: true, force: true });
    },
  };
  try {
    server.url = await withTimeout(listening, READY_TIMEOUT_MS, 'the server did not start listening');
    await waitUntilReady(`${server.url}/health/ready`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilReady(url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not accepting connections yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not turn ready within ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A token from `streaming token` (the CLI's Release build), signed with this server's key; admin adds the
 * admin role, viewer a session id (or *) the holder may watch.
 */
export async function issueToken(server, subject, { admin = false, viewer = null } = {}) {
  const cli = path.join(server.repoRoot, 'src/Streaming.Cli/bin/Release/net10.0/streaming.dll');
  const args = [cli, 'token', '--sub', subject, '--days', '1', ...(admin ? ['--admin'] : []), ...(viewer ? ['--viewer', viewer] : [])];
  const { stdout } = await run('dotnet', args, { ...process.env, Auth__SigningKey: server.signingKey });
  return stdout.trim();
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve({ stdout });
    });
  });
}
