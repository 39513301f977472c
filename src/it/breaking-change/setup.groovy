// Make the project a git repository whose main branch has the schemas as they are, then change a
// published version in place the way a careless pull request would.
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

def dir = basedir
def git = Git.init().setDirectory(dir).setInitialBranch('main').call()
git.add().addFilepattern('.').call()
def who = new PersonIdent('IT', 'it@example.com')
git.commit().setMessage('published schemas').setAuthor(who).setCommitter(who).call()
git.checkout().setCreateBranch(true).setName('feature').call()
git.close()

def schema = new File(dir, 'schemas/shop/Cart_Viewed/1-0.json')
schema.text = schema.text.replace('"type": "string"}', '"type": "integer"}')
new File(dir, 'schemas/shop/Order_Completed/1-0.json').delete()
return true
