/** The handler both servers of bench-http run: the host's plugin route and the bare express baseline. */
export function pingHandler(_req, res) {
  res.json({ ok: true, at: 'ping' });
}
