// A local Iglu Server with state; writes need the apikey. Runs in the invoker's JVM during the builds.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def store = [:]
def requests = Collections.synchronizedList([])
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/api/schemas') { HttpExchange ex ->
    def key = ex.requestURI.path.substring('/api/schemas'.length()).replaceFirst('^/', '')
    requests << "${ex.requestMethod} ${key}".toString()
    def status = 200
    def body
    if (ex.requestMethod != 'GET' && ex.requestHeaders.getFirst('apikey') != 'it-iglu-key-2c9') {
        status = 401; body = [message: 'Not authorized']
    } else if (ex.requestMethod == 'GET' && key.isEmpty()) {
        body = store.keySet().collect { "iglu:${it}".toString() }
    } else if (ex.requestMethod == 'GET') {
        body = store[key]; if (body == null) { status = 404; body = [message: 'The schema is not found'] }
    } else if (ex.requestMethod == 'PUT') {
        status = store.containsKey(key) ? 200 : 201
        store[key] = new JsonSlurper().parse(ex.requestBody)
        body = [message: 'Schema created']
    } else {
        status = 405; body = [message: 'Method not allowed']
    }
    def bytes = JsonOutput.toJson(body).getBytes('UTF-8')
    ex.responseHeaders.set('Content-Type', 'application/json')
    ex.sendResponseHeaders(status, bytes.length)
    ex.responseBody.write(bytes)
    ex.close()
}
server.start()
context.put('iglu', server)
context.put('igluRequests', requests)
context.put('igluStore', store)
new File(basedir, 'reflekt_profiles.yml').text = """dev:
  registry:
    - type: iglu
      url: http://127.0.0.1:${server.address.port}
      api_key: "{{ env_var('REFLEKT_IT_IGLU_KEY', 'it-iglu-key-2c9') }}"
"""
return true
