// Publish Cart_Viewed 1-0 on main, then add a 2-0 whose structure is the same: the meaning of cart_id changed (a
// MAJOR is the author's call), and the schema says why in self.metadata.major_reason.
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

def dir = basedir
def git = Git.init().setDirectory(dir).setInitialBranch('main').call()
git.add().addFilepattern('.').call()
def who = new PersonIdent('IT', 'it@example.com')
git.commit().setMessage('published schemas').setAuthor(who).setCommitter(who).call()
git.checkout().setCreateBranch(true).setName('feature').call()
git.close()

def v1 = new File(dir, 'schemas/shop/Cart_Viewed/1-0.json').text
new File(dir, 'schemas/shop/Cart_Viewed/2-0.json').text = v1
    .replace('"shop/Cart_Viewed/1-0.json"', '"shop/Cart_Viewed/2-0.json"')
    .replace('"version": "1-0"', '"version": "2-0"')
    .replace('"metadata": {', '"metadata": {"major_reason": "cart_id is now the checkout id, not the session cart", ')
return true
