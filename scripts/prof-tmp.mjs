import { Session } from 'node:inspector/promises';
import { spawn } from 'node:child_process';
const mode = process.argv[2];
let url;
if (mode === 'host') {
  const { startHost, readPluginPackage } = await import('/work/main/host/dist/src/index.js');
  const pkg = await readPluginPackage('/work/main/scripts/bench/ping-plugin');
  const host = await startHost({ packages: [pkg], dataDir: 'memory://', databaseUrl: process.env.BENCH_DATABASE_URL, env: { ...process.env, LOG_LEVEL: 'warn', LOG_PRETTY: 'false' } });
  ({ url } = await host.listen(0, '127.0.0.1'));
} else {
  const express = (await import('express')).default; const { pingHandler } = await import('/work/main/scripts/bench/ping-handler.mjs');
  const app = express(); app.use('/api/v1/storefront/:store/ping', express.Router({ mergeParams: true }).get('/ping', pingHandler));
  await new Promise(r => { const s = app.listen(0, '127.0.0.1', () => { url = 'http://127.0.0.1:' + s.address().port; r(); }); });
}
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
const child = spawn(process.execPath, ['-e', `
const http=require('http');const agent=new http.Agent({keepAlive:true,maxSockets:32});let n=0;const until=Date.now()+5000;
async function w(){while(Date.now()<until){await new Promise(r=>http.get('${url}/api/v1/storefront/demo/ping/ping',{agent},res=>{res.resume();res.on('end',r)}));n++}}
Promise.all(Array.from({length:32},w)).then(()=>{console.error('req',n);process.exit(0)})`], { stdio: ['ignore', 'ignore', 'inherit'] });
await new Promise(r => child.on('exit', r));
const { profile: p } = await s.post('Profiler.stop');
const dt=p.timeDeltas;const counts=new Map();p.samples.forEach((x,i)=>counts.set(x,(counts.get(x)||0)+(dt[i]||0)));
const self=new Map();
for(const n of p.nodes){const u=n.callFrame.url; const k=u.includes('node_modules/')?u.replace(/.*node_modules\//,'').split('/').slice(0,u.includes('node_modules/@')?2:1).join('/'):(u.startsWith('file://')?u.replace('file:///work/main/',''):(u.startsWith('node:')?'node-core':n.callFrame.functionName||'(native)'));self.set(k,(self.get(k)||0)+(counts.get(n.id)||0));}
const tot=[...self.values()].reduce((a,b)=>a+b,0);
console.log([...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0,22).map(([k,v])=>(v/tot*100).toFixed(1)+'% '+k).join('\n'));
process.exit(0);
