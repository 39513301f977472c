// A local BigQuery answering jobs.query for INFORMATION_SCHEMA.COLUMNS; the cart_viewed table lacks the
// schema's 'coupon' column. The server runs in the invoker's JVM while the build runs; verify.groovy stops it.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.util.zip.GZIPInputStream

def rows = [['tracks', 'id'], ['tracks', 'event_text'], ['tracks', 'received_at'],
            ['cart_viewed', 'id'], ['cart_viewed', 'event_text'], ['cart_viewed', 'cart_id']]
def requests = Collections.synchronizedList([])
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/') { HttpExchange ex ->
    def path = ex.requestURI.path
    requests << "${ex.requestMethod} ${path}".toString()
    def status = 200
    def body
    if (ex.requestMethod == 'POST' && path ==~ '/bigquery/v2/projects/[^/]+/queries') {
        def input = ex.requestHeaders.getFirst('Content-Encoding') == 'gzip' ? new GZIPInputStream(ex.requestBody) : ex.requestBody
        def query = new JsonSlurper().parse(input).query
        assert query.contains('`acme.segment`.INFORMATION_SCHEMA.COLUMNS')
        body = [kind: 'bigquery#queryResponse',
                schema: [fields: [[name: 'table_name', type: 'STRING'], [name: 'column_name', type: 'STRING']]],
                jobReference: [projectId: 'acme', jobId: 'job_1', location: 'US'],
                totalRows: rows.size().toString(), rows: rows.collect { [f: [[v: it[0]], [v: it[1]]]] },
                jobComplete: true, cacheHit: false]
    } else if (ex.requestMethod == 'GET' && path ==~ '/bigquery/v2/projects/[^/]+/jobs/[^/]+') {
        body = [kind: 'bigquery#job', jobReference: [projectId: 'acme', jobId: 'job_1', location: 'US'],
                status: [state: 'DONE'], configuration: [query: [query: 'q']]]
    } else {
        status = 404
        body = [error: [code: 404, message: "Not found: ${path}".toString(), status: 'NOT_FOUND']]
    }
    def bytes = JsonOutput.toJson(body).getBytes('UTF-8')
    ex.responseHeaders.set('Content-Type', 'application/json; charset=UTF-8')
    ex.sendResponseHeaders(status, bytes.length)
    ex.responseBody.write(bytes)
    ex.close()
}
server.start()
context.put('bigquery', server)
context.put('bigqueryRequests', requests)
new File(basedir, 'reflekt_profiles.yml').text = """dev:
  source:
    - id: bq
      type: bigquery
      project: acme
      dataset: segment
      api_url: http://127.0.0.1:${server.address.port}
"""
return true
