using System.Net;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class SaslMechanismFactoryTests
    {
        [Theory]
        [InlineData(Pop3AuthenticationMethod.Plain)]
        [InlineData(Pop3AuthenticationMethod.Login)]
        [InlineData(Pop3AuthenticationMethod.CramMd5)]
        [InlineData(Pop3AuthenticationMethod.ScramSha1)]
        [InlineData(Pop3AuthenticationMethod.ScramSha256)]
        [InlineData(Pop3AuthenticationMethod.XOAuth2)]
        [InlineData(Pop3AuthenticationMethod.OAuthBearer)]
        public void BuildsTheMechanismNamedForTheMethod(Pop3AuthenticationMethod method)
        {
            var mechanism = SaslMechanismFactory.Create(method, new NetworkCredential("user", "pencil"));

            Assert.Equal(AuthenticationPlanner.MechanismName(method), mechanism.Name);
            Assert.False(mechanism.IsComplete);
        }

        [Theory]
        [InlineData(Pop3AuthenticationMethod.Auto)]
        [InlineData(Pop3AuthenticationMethod.UserPass)]
        [InlineData(Pop3AuthenticationMethod.Apop)]
        public void RefusesMethodsThatAreNotSasl(Pop3AuthenticationMethod method)
        {
            Assert.Throws<ArgumentException>(() => SaslMechanismFactory.Create(method, new NetworkCredential("user", "pencil")));
        }
    }
}
