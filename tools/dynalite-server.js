#!/usr/bin/env node
// Serves dynalite as its command line does, for the tests:
//   node tools/dynalite-server.js CLI_JS HOST PORT DATA_DIR CREATE_TABLE_MS
// with one difference. dynalite 4.0.0 rethrows the error of a request whose client disconnects
// before sending all of it, which ends the process; tests that kill a worker in the middle of a
// DynamoDB call would take every other process's store down with it, which DynamoDB never does.
// Such a disconnect is logged and the server goes on; any other uncaught error still ends it.
'use strict'

const path = require('path')

const [cli, host, port, dataDir, createTableMs] = process.argv.slice(2)

process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET') {
    console.error(`dynalite: a client disconnected in the middle of a request (${err.message})`)
    return
  }
  console.error(err)
  process.exit(1)
})

const dynalite = require(path.join(path.dirname(cli), 'index.js'))
const server = dynalite({ path: dataDir, createTableMs: Number(createTableMs) })
server.listen(Number(port), host, () => {
  console.log(`dynalite listening at http://${host}:${server.address().port}`)
})
