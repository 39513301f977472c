// A local Confluent-compatible registry holding one Reflekt schema and one Avro subject.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput

def schema = JsonOutput.toJson([
    '$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'shop/Checkout_Started/1-0.json',
    description: 'A customer started checkout.',
    self: [vendor: 'com.example', name: 'Checkout Started', format: 'jsonschema', version: '1-0',
           metadata: [code_owner: 'web', product_owner: 'checkout']],
    type: 'object', properties: [cartId: [description: 'The cart.', type: 'string']]])
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/subjects') { HttpExchange ex ->
    def path = ex.requestURI.path
    def body = path == '/subjects' ? ['com.example.Checkout_Started.v1', 'payments-value']
            : path.contains('payments-value') ? [subject: 'payments-value', version: 1, id: 2, schema: '{"type":"record"}']
            : [subject: 'com.example.Checkout_Started.v1', version: 3, id: 1, schemaType: 'JSON', schema: schema]
    def bytes = JsonOutput.toJson(body).getBytes('UTF-8')
    ex.responseHeaders.set('Content-Type', 'application/vnd.schemaregistry.v1+json')
    ex.sendResponseHeaders(200, bytes.length)
    ex.responseBody.write(bytes)
    ex.close()
}
server.start()
context.put('registry', server)
new File(basedir, 'reflekt_profiles.yml').text = """dev:
  registry:
    - type: confluent
      url: http://127.0.0.1:${server.address.port}
"""
return true
